const teams = [{ name: 'red', points: 14 }, { name: 'blue', points: 21 }, { name: 'green', points: 9 }];
const best = Math.max(...teams.map(({ points }) => points));
teams.filter((t) => t.points === best)[0].name;
