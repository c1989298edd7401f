// needs: Object.fromEntries, Object.entries
const scores = { ann: 81, ben: 67, cat: 92 };
const passed = Object.fromEntries(Object.entries(scores).filter(([, s]) => s >= 70));
passed;
