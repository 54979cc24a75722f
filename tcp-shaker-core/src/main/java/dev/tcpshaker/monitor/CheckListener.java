package dev.tcpshaker.monitor;

import dev.tcpshaker.CheckResult;

/**
 * Hears the result of every scheduled check, for meters.
 * <p>
 * Pitfall: called on the thread that completed the check, usually the check loop, once
 * per check. It must be as cheap as recording a meter and must never block: a busy loop
 * delays the RST of other checks, and a late RST turns a half-open check into a
 * connection.
 */
@FunctionalInterface
public interface CheckListener {

	/**
	 * Called after each scheduled check of a target, once its snapshot is updated.
	 * @param target the target
	 * @param result the check's result
	 */
	void checked(MonitoredTarget target, CheckResult result);

}
