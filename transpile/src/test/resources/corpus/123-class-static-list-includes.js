// needs: Array.prototype.includes
class Logger {
  static levels = ['debug', 'info', 'warn'];

  constructor(prefix) {
    this.prefix = prefix;
    this.lines = [];
  }

  log(level, msg) {
    if (!Logger.levels.includes(level)) return false;
    this.lines.push(`[${this.prefix}] ${level.toUpperCase()}: ${msg}`);
    return true;
  }
}
const logger = new Logger('app');
[logger.log('info', 'started'), logger.log('trace', 'x'), logger.lines];
