const config = { retries: 0, label: '', timeout: null };
[config.retries ?? 3, config.retries || 3, config.label ?? 'none', config.timeout ?? 500, config.missing ?? 'default'];
