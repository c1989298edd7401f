const log = [];
function risky(n) {
  try {
    if (n > 1) throw new RangeError(`too big: ${n}`);
    log.push(`ok ${n}`);
    return n;
  } catch (e) {
    log.push(e.message);
    return -1;
  } finally {
    log.push('done');
  }
}
[risky(1), risky(5), log];
