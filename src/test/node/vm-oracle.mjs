// The Node side of the tests that compare the sandbox with Node (CompatPreludeTest,
// RealWorldPackagesTest): for each job read from stdin, a fresh vm context (a plain ES global,
// plus the aliases self and global the sandbox has) runs the job's scripts in order, then each
// call, and one JSON array goes to stdout: per job whether its scripts ran, and per call its
// result as JSON text, undefined, or the error thrown.
//
// stdin:  [{"name": ..., "scripts": [{"name": ..., "source": ...} | {"name": ..., "path": ...}], "calls": [...]}]
// stdout: [{"name": ..., "loadError": null | "Name: message", "results": [{"json": ...} | {"undefined": true} | {"error": "Name: message"}]}]
// Run it with TZ=UTC: the sandbox has no time zone, its local time is UTC.
import fs from 'node:fs';
import vm from 'node:vm';

const TIMEOUT_MS = 20000;

function describe(e) {
  return e && typeof e === 'object' && 'name' in e ? e.name + ': ' + e.message : 'thrown: ' + String(e);
}

function runJob(job) {
  const context = vm.createContext({});
  vm.runInContext('var self = this, global = this;', context);
  let loadError = null;
  for (const script of job.scripts) {
    const source = script.path !== undefined ? fs.readFileSync(script.path, 'utf8') : script.source;
    try {
      vm.runInContext(source, context, {filename: script.name, timeout: TIMEOUT_MS});
    } catch (e) {
      loadError = describe(e);
      break;
    }
  }
  const results = job.calls.map((call) => {
    try {
      const json = JSON.stringify(vm.runInContext(call, context, {timeout: TIMEOUT_MS}));
      return json === undefined ? {undefined: true} : {json};
    } catch (e) {
      return {error: describe(e)};
    }
  });
  return {name: job.name, loadError, results};
}

const jobs = JSON.parse(fs.readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify(jobs.map(runJob)));
