const template = 'Dear {name}, your order {order} ships today. Thanks, {name}!';
template.replaceAll('{name}', 'Ava').replace('{order}', '#123');
