var trace = [];
function risky(n) {
  try {
    if (n === 1) throw new TypeError('one');
    if (n === 2) return 'returned';
    trace.push('body ' + n);
  } catch (e) {
    trace.push('caught ' + e.name + ':' + e.message);
    return 'from catch';
  } finally {
    trace.push('finally ' + n);
  }
  return 'end';
}
trace.push(risky(0), risky(1), risky(2));
try { undefinedThing(); } catch (e) { trace.push(e instanceof ReferenceError); }
trace.join('\n');
