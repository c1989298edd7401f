const settings = { theme: 'dark', fontSize: 14 };
settings.fontSize = 16;
settings.lineHeight = 1.5;
settings;
