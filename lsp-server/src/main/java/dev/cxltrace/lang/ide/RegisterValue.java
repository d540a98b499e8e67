package dev.cxltrace.lang.ide;

import dev.cxltrace.device.catalog.RegisterDef;
import dev.cxltrace.device.profile.DeviceProfile;

/**
 * A register's value after one line ran: the guest's view ({@code shadow}, the register itself on a
 * device with one copy) and the host's copy, in the layout of {@code profile}. {@code twoCopies}
 * says whether the host copy is a separate register (a CXL-bound device's shadowed registers).
 */
public record RegisterValue(RegisterDef register, long shadow, long host, boolean twoCopies, DeviceProfile profile) {
}
