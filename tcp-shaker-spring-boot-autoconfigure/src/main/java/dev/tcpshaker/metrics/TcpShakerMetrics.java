package dev.tcpshaker.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.tcpshaker.CheckOutcome;
import dev.tcpshaker.CheckResult;
import dev.tcpshaker.TcpShaker;
import dev.tcpshaker.monitor.CheckListener;
import dev.tcpshaker.monitor.MonitoredTarget;
import dev.tcpshaker.monitor.StateChange;
import dev.tcpshaker.monitor.StateChangeListener;
import dev.tcpshaker.monitor.TargetMonitor;
import dev.tcpshaker.monitor.TargetState;

/**
 * Meters of a {@link TcpShaker} and the targets of its {@link TargetMonitor}:
 * <ul>
 * <li>{@code tcpshaker.check}: a timer of each scheduled check, tags {@code target} and
 * {@code outcome};</li>
 * <li>{@code tcpshaker.target.up}: 1 while the target is UP, else 0, tag {@code target};</li>
 * <li>{@code tcpshaker.target.transitions}: state changes, tags {@code target} and
 * {@code state} (the new one);</li>
 * <li>{@code tcpshaker.late.closes}: half-open checks closed late (see
 * {@link TcpShaker#lateCloses()});</li>
 * <li>{@code tcpshaker.checks.in.flight}: checks in flight.</li>
 * </ul>
 * Targets added to the monitor later gain their meters; removed ones lose them. Tags
 * name targets, never addresses or checks, so the number of series is bounded by the
 * number of targets.
 */
public class TcpShakerMetrics implements MeterBinder {

	private final TcpShaker shaker;

	private final TargetMonitor monitor;

	/** Held here because the monitor's listeners and the gauges must outlive {@link #bindTo}. */
	private final List<Binding> bindings = new ArrayList<>();

	/**
	 * @param shaker the shaker
	 * @param monitor the monitor that checks the targets on that shaker
	 */
	public TcpShakerMetrics(TcpShaker shaker, TargetMonitor monitor) {
		if (shaker == null) {
			throw new IllegalArgumentException("shaker must not be null");
		}
		if (monitor == null) {
			throw new IllegalArgumentException("monitor must not be null");
		}
		this.shaker = shaker;
		this.monitor = monitor;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("tcpshaker.late.closes", this.shaker, TcpShaker::lateCloses)
			.description("Half-open checks closed more than 100 ms after their SYN-ACK")
			.register(registry);
		Gauge.builder("tcpshaker.checks.in.flight", this.shaker, TcpShaker::inFlight)
			.description("Checks started and not yet completed")
			.strongReference(true)
			.register(registry);
		Binding binding = new Binding(registry, this.monitor);
		synchronized (this.bindings) {
			this.bindings.add(binding);
		}
		// Listeners first, then the targets already there: a target added in between is
		// seen twice and gets one set of meters; one removed in between loses them.
		this.monitor.addListener(binding);
		this.monitor.addCheckListener(binding);
		this.monitor.snapshots().values().forEach((snapshot) -> {
			binding.targetAdded(snapshot.target());
			if (this.monitor.snapshot(snapshot.name()).isEmpty()) {
				binding.targetRemoved(snapshot.target());
			}
		});
	}

	/**
	 * The meters of every target in one registry.
	 */
	private static final class Binding implements StateChangeListener, CheckListener {

		private final MeterRegistry registry;

		private final TargetMonitor monitor;

		private final Map<String, TargetMeters> targets = new ConcurrentHashMap<>();

		Binding(MeterRegistry registry, TargetMonitor monitor) {
			this.registry = registry;
			this.monitor = monitor;
		}

		@Override
		public void targetAdded(MonitoredTarget target) {
			this.targets.computeIfAbsent(target.name(), (name) -> new TargetMeters(this.registry, this.monitor, name));
		}

		@Override
		public void targetRemoved(MonitoredTarget target) {
			TargetMeters meters = this.targets.remove(target.name());
			if (meters != null) {
				meters.remove();
			}
		}

		@Override
		public void stateChanged(StateChange change) {
			TargetMeters meters = this.targets.get(change.name());
			if (meters != null) {
				meters.transition(change.to());
			}
		}

		/** On the check loop: a map lookup and a record, nothing else once the timer exists. */
		@Override
		public void checked(MonitoredTarget target, CheckResult result) {
			TargetMeters meters = this.targets.get(target.name());
			if (meters != null) {
				meters.timer(result.outcome()).record(result.latency());
			}
		}

	}

	/**
	 * One target's meters. Timers and counters are made on first use, so a target that
	 * never times out has no TIMEOUT series; all are remembered so that removal finds
	 * them.
	 */
	private static final class TargetMeters {

		private final MeterRegistry registry;

		private final String name;

		private final AtomicReferenceArray<Timer> timers = new AtomicReferenceArray<>(CheckOutcome.values().length);

		private final List<Meter> meters = new ArrayList<>();

		private boolean removed;

		TargetMeters(MeterRegistry registry, TargetMonitor monitor, String name) {
			this.registry = registry;
			this.name = name;
			add(Gauge.builder("tcpshaker.target.up", monitor, (m) -> isUp(m, name))
				.description("Whether the target is UP (1) or not (0), after rise and fall")
				.tag("target", name)
				.strongReference(true)
				.register(registry));
		}

		private static double isUp(TargetMonitor monitor, String name) {
			return monitor.snapshot(name).map((snapshot) -> (snapshot.state() == TargetState.UP) ? 1.0 : 0.0).orElse(0.0);
		}

		Timer timer(CheckOutcome outcome) {
			Timer timer = this.timers.get(outcome.ordinal());
			if (timer != null) {
				return timer;
			}
			synchronized (this) {
				timer = Timer.builder("tcpshaker.check")
					.description("Scheduled checks of the target, by outcome")
					.tags("target", this.name, "outcome", outcome.name())
					.register(this.registry);
				if (!this.removed) {
					this.timers.set(outcome.ordinal(), timer);
					add(timer);
				}
				else {
					this.registry.remove(timer); // a check that ended as its target was removed
				}
				return timer;
			}
		}

		synchronized void transition(TargetState to) {
			if (!this.removed) {
				add(Counter.builder("tcpshaker.target.transitions")
					.description("Changes of the target's state, by the state entered")
					.tags("target", this.name, "state", to.name())
					.register(this.registry)).increment();
			}
		}

		synchronized void remove() {
			this.removed = true;
			this.meters.forEach(this.registry::remove);
			this.meters.clear();
		}

		private synchronized <M extends Meter> M add(M meter) {
			if (!this.meters.contains(meter)) {
				this.meters.add(meter);
			}
			return meter;
		}

	}

}
