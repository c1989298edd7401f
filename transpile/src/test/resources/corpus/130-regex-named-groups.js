const match = /(?<year>\d{4})-(?<month>\d{2})/.exec('Released 2024-03');
const { year, month } = match.groups;
`${month}/${year}`;
