const config = { name: 'app', ports: [80, 443] };
JSON.stringify(config, null, 2);
