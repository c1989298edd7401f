const scores = { math: 90, art: 75, music: 82 };
const report = [];
for (const subject in scores) {
  report.push(`${subject}: ${scores[subject] >= 80 ? 'A' : 'B'}`);
}
report;
