// file: moment/moment.js
moment.utc('2024-07-04T15:05:09Z').format('YYYY-MM-DD HH:mm:ss dddd MMMM Do')
moment.utc('2024-01-31').add(1, 'month').format()
moment.utc('2024-03-10T10:00:00Z').diff(moment.utc('2024-01-01T00:00:00Z'), 'days')
// parsing with a format writes the parsed parts out of order into an array: invalid array subscript
// differs: TypeError
moment.utc('31/12/2023', 'DD/MM/YYYY').toISOString()
moment.utc(0).startOf('week').toISOString()
// humanize writes past the end of a one-element array
// differs: TypeError
moment.duration(3661, 'seconds').humanize()
moment.utc('2024-02-29').isLeapYear()
moment.utc('2024-07-04T15:05:09Z').unix()
moment.utc('2024-07-04T15:05:09Z').from(moment.utc('2024-07-10T00:00:00Z'))
// differs: TypeError
moment.utc('not a date', 'YYYY-MM-DD', true).isValid()
moment('2024-07-04 15:05').format('LLLL')
