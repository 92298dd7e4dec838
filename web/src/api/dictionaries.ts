import { http } from './http';
import type { Dictionaries, Meta } from './types';

export const dictionariesApi = {
  all: () => http.get<Dictionaries>('/dictionaries'),
  meta: () => http.get<Meta>('/meta'),
};
