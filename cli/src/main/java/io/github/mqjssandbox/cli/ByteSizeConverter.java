package io.github.mqjssandbox.cli;

import java.util.Locale;
import picocli.CommandLine;

/** Parses "1048576", "512k", "16m" or "1g" (binary multiples) into a byte count. */
final class ByteSizeConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        long multiplier = 1;
        if (s.endsWith("k") || s.endsWith("m") || s.endsWith("g")) {
            char unit = s.charAt(s.length() - 1);
            multiplier = unit == 'k' ? 1L << 10 : unit == 'm' ? 1L << 20 : 1L << 30;
            s = s.substring(0, s.length() - 1);
        }
        long value;
        try {
            value = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException(
                    "'" + text + "' is not a size (bytes, or a number with a k, m or g suffix)");
        }
        if (value < 0 || value > Long.MAX_VALUE / multiplier) {
            throw new CommandLine.TypeConversionException("'" + text + "' is out of range");
        }
        return value * multiplier;
    }
}
