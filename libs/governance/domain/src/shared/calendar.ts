export { MS_PER_DAY, addMonths, isIsoDate, parseInstant, periodKey, startOfIsoDate, wholeDaysBetween, wholeMonthsBetween } from '@leerzone/kernel';
