package dev.tcpshaker.spring;

import org.springframework.context.ApplicationEvent;

import dev.tcpshaker.monitor.StateChange;
import dev.tcpshaker.monitor.TargetMonitor;

/**
 * Published once for each change of a monitored target's state, so that an application
 * can react with {@code @EventListener} (alert, open a circuit, log its own way).
 * <p>
 * Pitfall: listeners run on the monitor's event thread, one event at a time. A slow
 * listener delays the next events (never the checks); hand long work to an executor
 * or use {@code @Async}.
 */
public class TargetStateChangedEvent extends ApplicationEvent {

	private final StateChange stateChange;

	/**
	 * @param monitor the monitor whose target changed state
	 * @param stateChange the change
	 */
	public TargetStateChangedEvent(TargetMonitor monitor, StateChange stateChange) {
		super(monitor);
		if (stateChange == null) {
			throw new IllegalArgumentException("stateChange must not be null");
		}
		this.stateChange = stateChange;
	}

	/**
	 * The change: the target, the state it left and the one it entered, and the check
	 * that caused it.
	 * @return the change
	 */
	public StateChange getStateChange() {
		return this.stateChange;
	}

	/**
	 * The monitor whose target changed state.
	 * @return the monitor
	 */
	public TargetMonitor getMonitor() {
		return (TargetMonitor) getSource();
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.stateChange.name() + ": " + this.stateChange.from() + " -> "
				+ this.stateChange.to() + "]";
	}

}
