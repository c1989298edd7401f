/*
 * What Closure's Promise polyfill gets in place of setTimeout, which the sandbox lacks (it has no
 * timers and no event loop): the polyfill asks setTimeout(job, 0) to run its jobs later, and
 * setTimeout(report, 1) to report a rejection nobody handled. The jobs wait in a queue, on
 * $jscomp so that the scripts of a sandbox share it, which the host runs once the script has
 * returned (PromiseJobs.RUN), as an event loop would. The report is dropped: it calls
 * console.error, which the engine lacks.
 */
(function () {
  if ($jscomp.promiseJobs === undefined) {
    var queue = [];
    $jscomp.promiseJobs = {
      schedule: function (job, delay) {
        if (!delay) {
          queue.push(job);
        }
      },
      run: function () {
        while (queue.length > 0) {
          queue.shift()();
        }
      }
    };
  }
  return $jscomp.promiseJobs.schedule;
})()
