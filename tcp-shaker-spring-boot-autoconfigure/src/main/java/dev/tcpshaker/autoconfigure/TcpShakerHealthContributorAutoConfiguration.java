package dev.tcpshaker.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

import dev.tcpshaker.StealthSelfTest;
import dev.tcpshaker.TcpShaker;
import dev.tcpshaker.health.TcpShakerHealthIndicator;
import dev.tcpshaker.monitor.TargetMonitor;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@code tcpShaker} health
 * contributor: one indicator per configured target, so each has its own path,
 * {@code /actuator/health/tcpShaker/<name>}, and can join a health group.
 * <p>
 * The indicators read the monitor's last verdicts: a health request sends no packet,
 * and asking for one target reads only that target.
 */
@AutoConfiguration(after = TargetMonitorAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBooleanProperty(name = "tcpshaker.enabled", matchIfMissing = true)
@ConditionalOnSingleCandidate(TargetMonitor.class)
@ConditionalOnEnabledHealthIndicator("tcpshaker")
@Conditional(OnTargetsCondition.class)
@EnableConfigurationProperties(TcpShakerProperties.class)
public final class TcpShakerHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "tcpShakerHealthIndicator", "tcpShakerHealthContributor" })
	HealthContributor tcpShakerHealthContributor(TargetMonitor tcpShakerMonitor, TcpShaker tcpShaker,
			TcpShakerProperties properties, ObjectProvider<StealthSelfTestLifecycle> stealthSelfTest) {
		Map<String, String> names = new LinkedHashMap<>();
		properties.getTargets().keySet().forEach((name) -> names.put(name, name));
		StealthSelfTestLifecycle selfTest = stealthSelfTest.getIfUnique();
		Supplier<StealthSelfTest.Result> stealth = (selfTest != null) ? selfTest::result : null;
		return CompositeHealthContributor.fromMap(names,
				(name) -> new TcpShakerHealthIndicator(tcpShakerMonitor, name, tcpShaker.method(), stealth));
	}

}
