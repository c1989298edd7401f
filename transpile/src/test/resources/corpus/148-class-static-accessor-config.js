class Config {
  static overrides = {};

  static get defaults() {
    return { retries: 3, verbose: false };
  }

  static get effective() {
    return { ...Config.defaults, ...Config.overrides };
  }
}
Config.overrides = { verbose: true };
Config.effective;
