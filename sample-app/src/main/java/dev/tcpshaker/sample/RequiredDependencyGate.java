package dev.tcpshaker.sample;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import dev.tcpshaker.CheckResult;

/**
 * At start-up, waits (boundedly) until the dependency the app cannot work without
 * answers, then logs how long that took; gives up with a WARN after
 * {@code sample.required-wait}. Each attempt is a half-open check, so a dependency
 * that is still starting sees no connection from us.
 */
@Component
class RequiredDependencyGate implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(RequiredDependencyGate.class);

	private static final Duration PAUSE = Duration.ofMillis(250);

	private final DependencyReport report;

	private final String target;

	private final Duration wait;

	RequiredDependencyGate(DependencyReport report, @Value("${sample.required-target}") String target,
			@Value("${sample.required-wait}") Duration wait) {
		this.report = report;
		this.target = target;
		this.wait = wait;
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		long start = System.nanoTime();
		long deadline = start + this.wait.toNanos();
		CheckResult result = this.report.check(this.target);
		while (!result.isUp() && System.nanoTime() + PAUSE.toNanos() < deadline) {
			Thread.sleep(PAUSE.toMillis());
			result = this.report.check(this.target);
		}
		long millis = (System.nanoTime() - start) / 1_000_000;
		if (result.isUp()) {
			logger.info("Required dependency '{}' ({}) is up after {} ms", this.target, result.target(), millis);
		}
		else {
			logger.warn("Required dependency '{}' ({}) is still {} after {} ms: {}", this.target, result.target(),
					result.outcome(), millis, result.detail());
		}
	}

}
