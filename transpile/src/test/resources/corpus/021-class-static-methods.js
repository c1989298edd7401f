class MathUtil {
  static clamp(value, min, max) {
    return Math.min(Math.max(value, min), max);
  }

  static get version() {
    return '1.0';
  }
}
[MathUtil.clamp(15, 0, 10), MathUtil.clamp(-3, 0, 10), MathUtil.version];
