package dev.tcpshaker.internal.monitor;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tcpshaker.CheckOutcome;
import dev.tcpshaker.CheckResult;
import dev.tcpshaker.TcpShaker;
import dev.tcpshaker.internal.DaemonThreads;
import dev.tcpshaker.internal.DefaultTcpShaker;
import dev.tcpshaker.internal.VerdictGrace;
import dev.tcpshaker.monitor.CheckListener;
import dev.tcpshaker.monitor.MonitoredTarget;
import dev.tcpshaker.monitor.StateChange;
import dev.tcpshaker.monitor.StateChangeListener;
import dev.tcpshaker.monitor.TargetMonitor;
import dev.tcpshaker.monitor.TargetSnapshot;
import dev.tcpshaker.monitor.TargetState;

/**
 * The {@link TargetMonitor} behind {@link TargetMonitor#create}: one state machine per
 * target, planned and started on one scheduler thread, updated by whichever thread
 * completes the check, and read through an immutable snapshot.
 * <p>
 * Threads: plans, timers and starts belong to the scheduler thread. A verdict arrives on
 * the thread that completed the check (the loop, or a name-lookup thread for a name that
 * did not resolve); it updates its target under the target's lock, publishes a new
 * snapshot, and hands the next plan back to the scheduler. State-change listeners run on
 * an event thread of their own, so user code never runs on the check loop.
 */
public final class DefaultTargetMonitor implements TargetMonitor {

	private static final Logger logger = LoggerFactory.getLogger(DefaultTargetMonitor.class);

	private final TcpShaker shaker;

	/**
	 * The shaker when it is one of ours: its loop is the scheduler, its limit never
	 * refuses a scheduled check, and its deadlines are kept. {@code null} for any other.
	 */
	private final DefaultTcpShaker ours;

	private final MonitorScheduler scheduler;

	private final Clock clock;

	private final ConcurrentHashMap<String, Target> targets = new ConcurrentHashMap<>();

	private final AtomicLong additions = new AtomicLong();

	private final List<StateChangeListener> listeners = new CopyOnWriteArrayList<>();

	private final List<CheckListener> checkListeners = new CopyOnWriteArrayList<>();

	/** One thread, so listeners hear changes in order; it ends after 30 idle seconds. */
	private final ThreadPoolExecutor events;

	private volatile boolean running;

	private volatile boolean closed;

	DefaultTargetMonitor(TcpShaker shaker, MonitorScheduler scheduler, Clock clock) {
		this.shaker = shaker;
		this.ours = (shaker instanceof DefaultTcpShaker own) ? own : null;
		this.scheduler = scheduler;
		this.clock = clock;
		this.events = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				DaemonThreads.named("events"));
		this.events.allowCoreThreadTimeOut(true);
		this.listeners.add(new StateChangeLog());
		this.checkListeners.add(new LateCloseWatch(shaker::lateCloses, this.events));
	}

	/**
	 * A monitor on the shaker's own loop when the shaker has one, else on a timer thread.
	 * @param shaker the shaker
	 * @return a stopped monitor
	 */
	public static DefaultTargetMonitor create(TcpShaker shaker) {
		if (shaker instanceof DefaultTcpShaker ours) {
			DefaultTargetMonitor monitor = new DefaultTargetMonitor(shaker, new LoopScheduler(ours.loop()),
					Clock.systemUTC());
			// A loop stopped and started again under a running monitor dropped its timers.
			ours.onLoopRestart(monitor::rearmAfterRestart);
			return monitor;
		}
		return new DefaultTargetMonitor(shaker, new ExecutorScheduler(DaemonThreads.named("monitor")),
				Clock.systemUTC());
	}

	@Override
	public void add(MonitoredTarget target) {
		if (target == null) {
			throw new IllegalArgumentException("target must not be null");
		}
		Target added = new Target(target, this.additions.incrementAndGet(), this.clock.instant());
		if (this.targets.putIfAbsent(target.name(), added) != null) {
			throw new IllegalArgumentException("target '" + target.name() + "' is already monitored");
		}
		notifyListeners((listener) -> listener.targetAdded(target));
		if (this.running) {
			this.scheduler.execute(() -> armFirst(added, System.nanoTime()));
		}
	}

	@Override
	public boolean remove(String name) {
		Target removed = this.targets.remove(name);
		if (removed == null) {
			return false;
		}
		synchronized (removed) {
			// Under the target's lock: its last state change is queued before this.
			removed.removed = true;
			notifyListeners((listener) -> listener.targetRemoved(removed.config));
		}
		removed.firstVerdict.complete(removed.snapshot);
		this.scheduler.execute(() -> disarm(removed));
		return true;
	}

	@Override
	public Optional<TargetSnapshot> snapshot(String name) {
		Target target = this.targets.get(name);
		return (target != null) ? Optional.of(target.snapshot) : Optional.empty();
	}

	@Override
	public Map<String, TargetSnapshot> snapshots() {
		Map<String, TargetSnapshot> snapshots = new LinkedHashMap<>();
		this.targets.values()
			.stream()
			.sorted(Comparator.comparingLong((Target target) -> target.order))
			.forEach((target) -> snapshots.put(target.name(), target.snapshot));
		return snapshots;
	}

	@Override
	public TargetSnapshot awaitFirstVerdict(String name) {
		Target target = require(name);
		TargetSnapshot snapshot = target.snapshot;
		if (snapshot.hasVerdict() || !this.running) {
			return snapshot;
		}
		if (this.scheduler.inScheduler()) {
			throw new IllegalStateException("awaitFirstVerdict() blocks and cannot run on the tcp-shaker loop thread");
		}
		this.scheduler.execute(() -> checkNowIfUnverified(target));
		try {
			return target.firstVerdict.get(VerdictGrace.waitNanos(target.config.timeout()), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return target.snapshot;
		}
		catch (ExecutionException | TimeoutException ex) {
			return target.snapshot;
		}
	}

	@Override
	public CompletableFuture<CheckResult> checkNow(String name) {
		Target target = require(name);
		return startCheck(target, false);
	}

	private Target require(String name) {
		Target target = (name != null) ? this.targets.get(name) : null;
		if (target == null) {
			throw new IllegalArgumentException("name must be a monitored target but was "
					+ ((name != null) ? "'" + name + "'" : "null") + "; monitored: " + snapshots().keySet());
		}
		return target;
	}

	@Override
	public void addListener(StateChangeListener listener) {
		if (listener == null) {
			throw new IllegalArgumentException("listener must not be null");
		}
		this.listeners.add(listener);
	}

	@Override
	public void addCheckListener(CheckListener listener) {
		if (listener == null) {
			throw new IllegalArgumentException("listener must not be null");
		}
		this.checkListeners.add(listener);
	}

	@Override
	public synchronized void start() {
		if (this.running || this.closed) {
			return;
		}
		this.running = true;
		this.scheduler.execute(this::armAll);
	}

	/**
	 * Plans every target's next check. A target that has a verdict is checked at once:
	 * its last verdict is as old as the pause, and health would call it stale. Targets
	 * without one are spread over their first interval. Scheduler thread.
	 */
	private void armAll() {
		long now = System.nanoTime();
		for (Target target : this.targets.values()) {
			// A loop that stopped and started again dropped its timers: forget them.
			disarm(target);
			if (target.snapshot.hasVerdict()) {
				arm(target, now);
			}
			else {
				armFirst(target, now);
			}
		}
	}

	/** Called by our shaker when its loop runs again after a stop. Any thread. */
	private void rearmAfterRestart() {
		if (this.running) {
			this.scheduler.execute(this::armAll);
		}
	}

	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		this.scheduler.execute(() -> this.targets.values().forEach(this::disarm));
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public void close() {
		synchronized (this) {
			this.closed = true;
		}
		stop();
		this.scheduler.close();
		this.events.shutdown();
	}

	/** Plans a target's first check at a random point of its first interval. Scheduler thread. */
	private void armFirst(Target target, long now) {
		long interval = target.config.schedule().interval().toNanos();
		arm(target, now + (long) (ThreadLocalRandom.current().nextDouble() * interval));
	}

	/** Scheduler thread. */
	private void arm(Target target, long atNanos) {
		if (target.removed || !this.running || target.timer != null || target.inFlight) {
			return;
		}
		target.plannedNanos = atNanos;
		// Null when the loop is stopped: nothing to cancel; a restart arms the target again.
		target.timer = this.scheduler.schedule(() -> {
			target.timer = null;
			startScheduledCheck(target);
		}, atNanos);
	}

	/** Scheduler thread. */
	private void disarm(Target target) {
		if (target.timer != null) {
			target.timer.cancel();
			target.timer = null;
		}
	}

	/**
	 * Moves a target's first check to now, unless it has a verdict or a check in flight.
	 * Only that target: asking for one target's health never checks another. Scheduler
	 * thread.
	 */
	private void checkNowIfUnverified(Target target) {
		if (!target.snapshot.hasVerdict() && !target.inFlight && target.timer != null) {
			disarm(target);
			target.plannedNanos = System.nanoTime();
			startScheduledCheck(target);
		}
	}

	/** Scheduler thread. */
	private void startScheduledCheck(Target target) {
		if (target.removed || !this.running || target.inFlight) {
			return;
		}
		target.inFlight = true;
		CompletableFuture<CheckResult> check = startCheck(target, true);
		if (this.ours == null) {
			// Another shaker's promise to complete within the timeout is not ours to trust.
			check = check.completeOnTimeout(error(target, "no verdict from the shaker within the timeout"),
					VerdictGrace.waitNanos(target.config.timeout()), TimeUnit.NANOSECONDS);
		}
		check.whenComplete((result, failure) -> completed(target,
				(result != null) ? result : error(target, "the check failed: " + failure)));
	}

	/**
	 * Starts a check of the target. A scheduled check of our own shaker is never refused
	 * by its in-flight limit: the monitor keeps at most one per target, and its own limit
	 * must never fail a target.
	 */
	private CompletableFuture<CheckResult> startCheck(Target target, boolean scheduled) {
		MonitoredTarget config = target.config;
		try {
			if (scheduled && this.ours != null) {
				return this.ours.checkAsyncOutsideLimit(config.address().host(), config.address().port(),
						target.literal, config.timeout());
			}
			return (target.literal != null) ? this.shaker.checkAsync(target.literal, config.timeout())
					: this.shaker.checkAsync(config.address().host(), config.address().port(), config.timeout());
		}
		catch (RuntimeException ex) {
			// A shaker of our own never throws for a valid target; another might.
			return CompletableFuture.completedFuture(error(target, "the check failed to start: " + ex));
		}
	}

	private static CheckResult error(Target target, String detail) {
		return new CheckResult(target.config.address().host(), target.config.address().port(), null,
				CheckOutcome.ERROR, Duration.ZERO, detail);
	}

	/**
	 * Counts a scheduled check's verdict and plans the next check. Any thread. Whatever
	 * happens here (a listener that throws an Error, say), the next check is planned: a
	 * target must never silently stop being checked.
	 */
	private void completed(Target target, CheckResult result) {
		long next = System.nanoTime() + target.config.schedule().fastInterval().toNanos();
		try {
			TargetSnapshot snapshot;
			synchronized (target) {
				target.inFlight = false;
				if (target.removed || !this.running || !shakerRunning()) {
					return; // cut short by a stop, a removal or the shaker's shutdown: not a verdict on the target
				}
				StateChange change = target.count(result, this.clock.instant(), System.nanoTime());
				snapshot = target.snapshot;
				next = target.plannedNanos + jittered(target);
				if (change != null) {
					publish(change); // under the lock: in order with the target's removal
				}
			}
			target.firstVerdict.complete(snapshot);
			for (CheckListener listener : this.checkListeners) {
				try {
					listener.checked(target.config, result);
				}
				catch (RuntimeException | LinkageError ex) {
					logger.warn("A check listener failed; the monitor goes on", ex);
				}
			}
		}
		catch (RuntimeException | Error ex) {
			logger.warn("Counting a check of {} failed; its checks go on", target.name(), ex);
		}
		finally {
			planNext(target, next);
		}
	}

	private boolean shakerRunning() {
		return this.ours == null || this.ours.isRunning();
	}

	private void planNext(Target target, long next) {
		if (target.removed || !this.running) {
			return;
		}
		long now = System.nanoTime();
		long at = (next - now < 0) ? now : next;
		if (this.scheduler.inScheduler()) {
			arm(target, at);
		}
		else {
			this.scheduler.execute(() -> arm(target, at));
		}
	}

	/** The target's interval for its state, varied by its jitter either way. */
	private static long jittered(Target target) {
		long interval = target.counter.intervalNanos(target.config.schedule());
		double jitter = target.config.schedule().jitter();
		if (jitter == 0) {
			return interval;
		}
		return (long) (interval * (1 + jitter * (2 * ThreadLocalRandom.current().nextDouble() - 1)));
	}

	private void publish(StateChange change) {
		notifyListeners((listener) -> listener.stateChanged(change));
	}

	/** Hands an event to every listener, in order, on the event thread. */
	private void notifyListeners(Consumer<StateChangeListener> event) {
		try {
			this.events.execute(() -> {
				for (StateChangeListener listener : this.listeners) {
					try {
						event.accept(listener);
					}
					catch (RuntimeException ex) {
						logger.warn("A state change listener failed; the others still hear the event", ex);
					}
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// Closed: nobody is listening any more.
		}
	}

	/**
	 * One monitored target: its configuration, its counter and its latest snapshot.
	 */
	private static final class Target {

		final MonitoredTarget config;

		/** The resolved address when the host is a literal, so no check parses it again. */
		final InetSocketAddress literal;

		final long order;

		final HealthCounter counter;

		final CompletableFuture<TargetSnapshot> firstVerdict = new CompletableFuture<>();

		volatile TargetSnapshot snapshot;

		volatile boolean removed;

		volatile boolean inFlight;

		/** Scheduler thread only. */
		MonitorScheduler.Scheduled timer;

		/** When the check in flight, or the next one, was planned. */
		volatile long plannedNanos;

		/** Guarded by {@code this}. */
		private long sinceNanos = System.nanoTime();

		private int successes;

		private int failures;

		private long checks;

		private long failedChecks;

		Target(MonitoredTarget config, long order, Instant added) {
			this.config = config;
			InetSocketAddress address = config.address().toSocketAddress();
			this.literal = address.isUnresolved() ? null : address;
			this.order = order;
			this.counter = new HealthCounter(config.schedule().rise(), config.schedule().fall());
			this.snapshot = new TargetSnapshot(config, TargetState.UNKNOWN, null, null, added, 0, 0, 0, 0);
		}

		String name() {
			return this.config.name();
		}

		/**
		 * Counts a verdict into the counter and the snapshot. Guarded by {@code this}.
		 * @return the state change it caused, or {@code null}
		 */
		StateChange count(CheckResult result, Instant now, long nowNanos) {
			TargetState before = this.counter.state();
			TargetState after = this.counter.record(result.isUp());
			this.checks++;
			if (result.isUp()) {
				this.successes++;
				this.failures = 0;
			}
			else {
				this.failedChecks++;
				this.failures++;
				this.successes = 0;
			}
			StateChange change = null;
			Instant since = this.snapshot.since();
			if (after != before) {
				change = new StateChange(this.config, before, after, result, now,
						Duration.ofNanos(nowNanos - this.sinceNanos));
				since = now;
				this.sinceNanos = nowNanos;
			}
			this.snapshot = new TargetSnapshot(this.config, after, result, now, since, this.successes, this.failures,
					this.checks, this.failedChecks);
			return change;
		}

	}

}
