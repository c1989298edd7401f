const greeting = 'hi 😀';
[greeting.length, [...greeting].length, greeting.codePointAt(3).toString(16)];
