package dev.tcpshaker.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import dev.tcpshaker.CheckMethod;
import dev.tcpshaker.CheckOutcome;
import dev.tcpshaker.CheckResult;
import dev.tcpshaker.Engine;
import dev.tcpshaker.StealthSelfTest;
import dev.tcpshaker.TcpShaker;
import dev.tcpshaker.monitor.TargetMonitor;
import dev.tcpshaker.monitor.TargetSnapshot;
import dev.tcpshaker.monitor.TargetState;

/**
 * The {@code tcpshaker} endpoint: the shaker (method, engine, checks in flight, late
 * closes, stealth self-test) and every monitored target's last verdict and counters;
 * {@code /{name}} for one target; a write to {@code /{name}} checks that target now.
 * <p>
 * Every operation names a configured target and nothing else: no host or port ever
 * comes from a request, so the endpoint cannot be turned into a network scanner. Reads
 * send no packet; a write sends one check to a target the application already checks.
 */
@Endpoint(id = "tcpshaker")
public class TcpShakerEndpoint {

	private final TcpShaker shaker;

	private final TargetMonitor monitor;

	private final Supplier<StealthSelfTest.Result> stealth;

	/**
	 * @param shaker the shaker
	 * @param monitor the monitor of the targets, on that shaker
	 * @param stealth the shaker's latest stealth self-test result
	 */
	public TcpShakerEndpoint(TcpShaker shaker, TargetMonitor monitor, Supplier<StealthSelfTest.Result> stealth) {
		this.shaker = shaker;
		this.monitor = monitor;
		this.stealth = stealth;
	}

	/**
	 * The shaker and every target.
	 * @return the descriptor
	 */
	@ReadOperation
	public TcpShakerDescriptor tcpShaker() {
		Map<String, TargetDescriptor> targets = new LinkedHashMap<>();
		this.monitor.snapshots().forEach((name, snapshot) -> targets.put(name, TargetDescriptor.of(snapshot)));
		return new TcpShakerDescriptor(this.shaker.method(), this.shaker.engine(), this.shaker.inFlight(),
				this.shaker.lateCloses(), this.stealth.get(), targets);
	}

	/**
	 * One target.
	 * @param name the target's name
	 * @return the descriptor, or {@code null} (404) when no target has that name
	 */
	@ReadOperation
	public TargetDescriptor target(@Selector String name) {
		return this.monitor.snapshot(name).map(TargetDescriptor::of).orElse(null);
	}

	/**
	 * Checks a configured target now, outside its schedule; its state and counters follow
	 * the schedule alone.
	 * @param name the target's name
	 * @return the result, 404 when no target has that name, or 503 when no verdict came
	 */
	@WriteOperation
	public WebEndpointResponse<CheckDescriptor> check(@Selector String name) {
		Optional<TargetSnapshot> snapshot = this.monitor.snapshot(name);
		if (snapshot.isEmpty()) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		}
		Duration wait = snapshot.get().target().timeout().plus(TcpShaker.VERDICT_GRACE);
		CompletableFuture<CheckResult> check;
		try {
			check = this.monitor.checkNow(name);
		}
		catch (IllegalArgumentException ex) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND); // removed meanwhile
		}
		try {
			return new WebEndpointResponse<>(CheckDescriptor.of(check.get(wait.toNanos(), TimeUnit.NANOSECONDS)));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return noVerdict("interrupted while waiting for the verdict", wait);
		}
		catch (ExecutionException | TimeoutException ex) {
			return noVerdict("no verdict within " + wait.toMillis() + " ms: is the tcp-shaker loop stuck?", wait);
		}
	}

	private static WebEndpointResponse<CheckDescriptor> noVerdict(String detail, Duration waited) {
		return new WebEndpointResponse<>(new CheckDescriptor(CheckOutcome.ERROR, detail, waited),
				WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE);
	}

	/**
	 * The shaker and its targets.
	 *
	 * @param method the check method in use
	 * @param engine the engine in use
	 * @param inFlight checks in flight now
	 * @param lateCloses half-open checks closed late since start
	 * @param stealth the stealth self-test's verdict
	 * @param targets every monitored target, by name
	 */
	public record TcpShakerDescriptor(CheckMethod method, Engine engine, int inFlight, long lateCloses,
			StealthSelfTest.Result stealth, Map<String, TargetDescriptor> targets) implements OperationResponseBody {

	}

	/**
	 * One target as the monitor holds it.
	 *
	 * @param address the configured host and port
	 * @param state the state after rise and fall
	 * @param since when the target entered its state
	 * @param lastCheck when the last check ended, or {@code null} before the first
	 * @param lastResult the last check's result, or {@code null} before the first
	 * @param checks checks finished since the target was added
	 * @param failedChecks checks among them that were not UP
	 * @param consecutiveSuccesses successful checks in a row
	 * @param consecutiveFailures failed checks in a row
	 */
	public record TargetDescriptor(String address, TargetState state, Instant since, Instant lastCheck,
			CheckDescriptor lastResult, long checks, long failedChecks, int consecutiveSuccesses,
			int consecutiveFailures) implements OperationResponseBody {

		static TargetDescriptor of(TargetSnapshot snapshot) {
			return new TargetDescriptor(snapshot.target().address().toString(), snapshot.state(), snapshot.since(),
					snapshot.lastCheck(), (snapshot.lastResult() != null) ? CheckDescriptor.of(snapshot.lastResult()) : null,
					snapshot.checks(), snapshot.failedChecks(), snapshot.consecutiveSuccesses(),
					snapshot.consecutiveFailures());
		}

	}

	/**
	 * One check's result.
	 *
	 * @param outcome what the check learned
	 * @param detail why, in words
	 * @param latency from the start of the check to its verdict
	 */
	public record CheckDescriptor(CheckOutcome outcome, String detail, Duration latency)
			implements OperationResponseBody {

		static CheckDescriptor of(CheckResult result) {
			return new CheckDescriptor(result.outcome(), result.detail(), result.latency());
		}

	}

}
