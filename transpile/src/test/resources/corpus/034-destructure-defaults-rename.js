const options = { verbose: true };
const { verbose = false, retries = 3, timeout: ms = 1000 } = options;
[verbose, retries, ms];
