package dev.tcpshaker.autoconfigure;

import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

import dev.tcpshaker.TcpShaker;
import dev.tcpshaker.monitor.MonitoredTarget;
import dev.tcpshaker.monitor.TargetMonitor;
import dev.tcpshaker.spring.TargetMonitorLifecycle;
import dev.tcpshaker.spring.TargetStateChangedEvent;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for a {@link TargetMonitor} that
 * checks every {@code tcpshaker.targets.<name>} on its schedule through the
 * {@link TcpShaker} bean, started after the shaker and stopped before it.
 * <p>
 * Targets can also be added and removed at run time through the bean; those do not
 * join the health contributor, which lists the configured targets. Each change of a
 * target's state is published as a {@link TargetStateChangedEvent}.
 */
@AutoConfiguration(after = TcpShakerAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "tcpshaker.enabled", matchIfMissing = true)
@ConditionalOnSingleCandidate(TcpShaker.class)
@EnableConfigurationProperties(TcpShakerProperties.class)
public final class TargetMonitorAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(TargetMonitorAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	TargetMonitor tcpShakerMonitor(TcpShaker tcpShaker, TcpShakerProperties properties) {
		TargetMonitor monitor = TargetMonitor.create(tcpShaker);
		List<MonitoredTarget> targets = MonitoredTargets.from(properties);
		targets.forEach(monitor::add);
		logger.info("tcp-shaker: {} checks on the {} engine, {} target{} every {} (rise {}, fall {})",
				tcpShaker.method(), tcpShaker.engine().name().toLowerCase(Locale.ROOT), targets.size(),
				(targets.size() == 1) ? "" : "s", readable(properties.getInterval()), properties.getRise(),
				properties.getFall());
		return monitor;
	}

	/** As a property is written: {@code 2s}, {@code 500ms}. */
	private static String readable(java.time.Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
	}

	@Bean
	@ConditionalOnMissingBean
	TargetMonitorLifecycle tcpShakerMonitorLifecycle(TargetMonitor tcpShakerMonitor) {
		return new TargetMonitorLifecycle(tcpShakerMonitor);
	}

	/**
	 * Publishes every state change of the monitor's targets as a
	 * {@link TargetStateChangedEvent}. The listener joins once every singleton exists, so
	 * a monitor of the user's own publishes too, and before the monitor starts, so no
	 * change is missed.
	 */
	@Bean
	SmartInitializingSingleton tcpShakerStateChangedEvents(ObjectProvider<TargetMonitor> monitors,
			ApplicationEventPublisher publisher) {
		return () -> monitors.ifUnique((monitor) -> monitor
			.addListener((change) -> publisher.publishEvent(new TargetStateChangedEvent(monitor, change))));
	}

}
