package dev.cxltrace.device.catalog;

/** One named value of a field, for hovers and decoded output ({@code 1 = 64 KB}). */
public record EnumValue(long value, String meaning) {
}
