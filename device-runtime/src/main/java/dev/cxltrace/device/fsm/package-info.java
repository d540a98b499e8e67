/**
 * The behaviours that are more than attributes, as small named state machines: vfio's config
 * chunking, the DVSEC body widening, the COMP_REGS dword rule, and decoder 0's COMMIT/COMMITTED
 * handshake in the shadow (FSM-DEC) and in hardware (FSM-H).
 *
 * <p>Invariant: each is a pure function of its inputs. Tests: {@code DecoderCommitFsmTest},
 * {@code ConfigSpaceAccessTest}, {@code ComponentRegionTest}.
 */
package dev.cxltrace.device.fsm;
