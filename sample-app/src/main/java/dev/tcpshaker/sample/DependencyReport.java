package dev.tcpshaker.sample;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Service;

import dev.tcpshaker.CheckResult;
import dev.tcpshaker.TcpShaker;
import dev.tcpshaker.autoconfigure.TcpShakerProperties;

/**
 * Checks every configured target at once with the injected {@link TcpShaker}, the way
 * a service of yours would. It only ever checks what {@code tcpshaker.targets} lists:
 * checking a host or port taken from a request would turn the app into a port scanner.
 */
@Service
public class DependencyReport {

	private final TcpShaker shaker;

	private final TcpShakerProperties properties;

	DependencyReport(TcpShaker shaker, TcpShakerProperties properties) {
		this.shaker = shaker;
		this.properties = properties;
	}

	/**
	 * Checks all configured targets concurrently.
	 * @return each target's result, by name
	 */
	public Map<String, CheckResult> checkAll() {
		Map<String, CompletableFuture<CheckResult>> pending = new LinkedHashMap<>();
		this.properties.getTargets().forEach((name, target) -> pending.put(name, this.shaker
			.checkAsync(target.getHost(), target.getPort(), timeoutOf(target))));
		Map<String, CheckResult> results = new LinkedHashMap<>();
		pending.forEach((name, future) -> results.put(name, future.join()));
		return results;
	}

	/**
	 * Checks one configured target.
	 * @param name the target's name under {@code tcpshaker.targets}
	 * @return its result
	 * @throws IllegalArgumentException when no target has that name
	 */
	public CheckResult check(String name) {
		TcpShakerProperties.Target target = this.properties.getTargets().get(name);
		if (target == null) {
			throw new IllegalArgumentException(
					"no target named '" + name + "' under tcpshaker.targets; known: " + this.properties.getTargets().keySet());
		}
		return this.shaker.check(target.getHost(), target.getPort(), timeoutOf(target));
	}

	private java.time.Duration timeoutOf(TcpShakerProperties.Target target) {
		return (target.getTimeout() != null) ? target.getTimeout() : this.properties.getTimeout();
	}

}
