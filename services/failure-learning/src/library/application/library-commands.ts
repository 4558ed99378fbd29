import { Injectable } from '@nestjs/common';
import { lessonsLibraryStreamId, libraryDecider, type LibraryCommand } from '@leerzone/failure-learning-domain';
import { ServiceCommands, type WriteRequest } from '@leerzone/service-kit';

/** Commands on the caller's tenant library; the route's roles say who may send them. */
@Injectable()
export class LibraryCommands {
  constructor(private readonly commands: ServiceCommands) {}

  run(write: WriteRequest, command: LibraryCommand, reason?: string) {
    return this.commands.run(libraryDecider, lessonsLibraryStreamId(write.principal.tenantId), command, write.context(reason), { ifMatch: write.ifMatch });
  }
}
