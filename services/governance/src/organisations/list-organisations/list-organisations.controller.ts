import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, CurrentPrincipal, ProjectionsHost, type Principal } from '@leerzone/nest-platform';
import { ORGANISATIONS_PROJECTION, type OrganisationDocument } from '../read-model/organisations.projection';
import { EXAMPLES } from '../../shared/examples';

@ApiTags('governance: organisations')
@Controller('api/governance/organisations')
export class ListOrganisationsController {
  constructor(private readonly projections: ProjectionsHost) {}

  @AnyRole('read open to every user of the tenant')
  @Get()
  @ApiOkResponse({ schema: { example: EXAMPLES.organisations } })
  @ApiOperation({ summary: "The tenant's organisations, by name." })
  async list(@CurrentPrincipal() principal: Principal) {
    const { items } = await this.projections.readModels
      .collection<OrganisationDocument>(ORGANISATIONS_PROJECTION, 'organisations')
      .find({ tenantId: principal.tenantId }, { sort: { name: 1 } });
    return { items: items.map(({ _id, tenantId: _t, ...organisation }) => organisation) };
  }
}
