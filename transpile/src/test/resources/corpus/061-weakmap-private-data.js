// needs: WeakMap
const secrets = new WeakMap();
class Vault {
  constructor(code) {
    secrets.set(this, code);
  }

  check(code) {
    return secrets.get(this) === code;
  }
}
const v = new Vault(1234);
[v.check(1), v.check(1234)];
