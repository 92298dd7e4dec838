// A form 4 answer shaped as docs/api-contract.md gives it (GET /api/forms/4): three header rows, with
// 按职务 split into 妇联 and 妇代会 roles below it. For the component test and the layout tests.
import type { FormAnswer, FormColumn } from '@/api/forms';

const columns: FormColumn[] = [
  { key: 'label', label: '组织层级', numeric: false },
  { key: 'bodies', label: '组织数（个）', numeric: true },
  { key: 'members_before', label: '扩大前', group: ['成员数（人）'], numeric: true },
  { key: 'members_after', label: '扩大后', group: ['成员数（人）'], numeric: true },
  { key: 'added', label: '新增', group: ['成员数（人）'], numeric: true },
  { key: 'chair', label: '主席', group: ['按职务（人）', '妇联'], numeric: true },
  { key: 'vice_chair', label: '副主席', group: ['按职务（人）', '妇联'], numeric: true },
  { key: 'executive', label: '执委', group: ['按职务（人）', '妇联'], numeric: true },
  { key: 'director', label: '主任', group: ['按职务（人）', '妇代会'], numeric: true },
  { key: 'deputy_director', label: '副主任', group: ['按职务（人）', '妇代会'], numeric: true },
  { key: 'member', label: '委员', group: ['按职务（人）', '妇代会'], numeric: true },
  { key: 'full_time', label: '专职', group: ['按任职方式（人）'], numeric: true },
  { key: 'part_time', label: '兼职', group: ['按任职方式（人）'], numeric: true },
];

export const form4: FormAnswer = {
  form: 4,
  version: 1,
  title: '扩大基层妇联组织成员情况统计表',
  within: { id: 3, name: '道里区妇联' },
  on: '2016-09-20',
  baseline: '2016-06-01',
  columns,
  header_rows: 3,
  headings: [
    { text: '组织层级', row: 0, column: 0, row_span: 3, column_span: 1 },
    { text: '组织数（个）', row: 0, column: 1, row_span: 3, column_span: 1 },
    { text: '成员数（人）', row: 0, column: 2, row_span: 1, column_span: 3 },
    { text: '扩大前', row: 1, column: 2, row_span: 2, column_span: 1 },
    { text: '扩大后', row: 1, column: 3, row_span: 2, column_span: 1 },
    { text: '新增', row: 1, column: 4, row_span: 2, column_span: 1 },
    { text: '按职务（人）', row: 0, column: 5, row_span: 1, column_span: 6 },
    { text: '妇联', row: 1, column: 5, row_span: 1, column_span: 3 },
    { text: '主席', row: 2, column: 5, row_span: 1, column_span: 1 },
    { text: '副主席', row: 2, column: 6, row_span: 1, column_span: 1 },
    { text: '执委', row: 2, column: 7, row_span: 1, column_span: 1 },
    { text: '妇代会', row: 1, column: 8, row_span: 1, column_span: 3 },
    { text: '主任', row: 2, column: 8, row_span: 1, column_span: 1 },
    { text: '副主任', row: 2, column: 9, row_span: 1, column_span: 1 },
    { text: '委员', row: 2, column: 10, row_span: 1, column_span: 1 },
    { text: '按任职方式（人）', row: 0, column: 11, row_span: 1, column_span: 2 },
    { text: '专职', row: 1, column: 11, row_span: 2, column_span: 1 },
    { text: '兼职', row: 1, column: 12, row_span: 2, column_span: 1 },
  ],
  rows: [
    {
      key: 'township',
      label: '乡镇',
      cells: { bodies: 1, members_before: 9, members_after: 25, added: 16, chair: 1, vice_chair: 3, executive: 21, director: 0, deputy_director: 0, member: 0, full_time: 2, part_time: 23 },
    },
    {
      key: 'street',
      label: '街道',
      cells: { bodies: 2, members_before: 14, members_after: 30, added: 16, chair: 2, vice_chair: 4, executive: 24, director: 0, deputy_director: 0, member: 0, full_time: 3, part_time: 27 },
    },
    {
      key: 'village_congress',
      label: '村妇代会',
      cells: { bodies: 3, members_before: 6, members_after: 12, added: 6, chair: 0, vice_chair: 0, executive: 0, director: 3, deputy_director: 3, member: 6, full_time: 0, part_time: 12 },
    },
  ],
  totals: { bodies: 6, members_before: 29, members_after: 67, added: 38, chair: 3, vice_chair: 7, executive: 45, director: 3, deputy_director: 3, member: 6, full_time: 5, part_time: 62 },
  footer: ['填报单位（盖章）：', '填表人：', '审核人：', '联系电话：', '填报日期：'],
};
