package dev.tcpshaker.autoconfigure;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Explains a {@code tcpshaker.*} property that binds to nothing, which
 * {@link TcpShakerProperties} refuses rather than ignores: an ignored target is never
 * checked, so it can never be DOWN.
 * <p>
 * The usual cause is a target name with a dot: {@code tcpshaker.targets.plain.db.host}
 * reads as a target {@code plain} with an unknown property {@code db.host}. The report
 * says what to write instead, {@code tcpshaker.targets[plain.db].host}, where Boot's own
 * analyzer, which this one runs before, would only list the properties.
 */
class UnboundTcpShakerPropertyFailureAnalyzer extends AbstractFailureAnalyzer<UnboundConfigurationPropertiesException>
		implements Ordered {

	private static final ConfigurationPropertyName PREFIX = ConfigurationPropertyName.of("tcpshaker");

	private static final ConfigurationPropertyName TARGETS = ConfigurationPropertyName.of("tcpshaker.targets");

	/** Read from the classes, so a property added there is known here too. */
	private static final List<String> PROPERTIES = propertiesOf(TcpShakerProperties.class);

	private static final List<String> TARGET_PROPERTIES = propertiesOf(TcpShakerProperties.Target.class);

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnboundConfigurationPropertiesException cause) {
		Set<ConfigurationProperty> unbound = cause.getUnboundProperties();
		if (unbound.isEmpty() || !unbound.stream().allMatch((property) -> PREFIX.isAncestorOf(property.getName()))) {
			return null;
		}
		StringBuilder description = new StringBuilder("tcp-shaker found properties that bind to nothing:%n"
			.formatted());
		StringBuilder action = new StringBuilder("Update your application's configuration:%n".formatted());
		for (ConfigurationProperty property : unbound) {
			Explanation explanation = explain(property.getName());
			description.append("%n    Property: %s%n    Value: \"%s\"%n    Origin: %s%n    Reason: %s%n"
				.formatted(property.getName(), property.getValue(), property.getOrigin(), explanation.reason()));
			action.append("%n    %s".formatted(explanation.fix()));
		}
		return new FailureAnalysis(description.toString(), action.toString(), cause);
	}

	private static Explanation explain(ConfigurationPropertyName name) {
		if (!TARGETS.isAncestorOf(name)) {
			return new Explanation("tcpshaker has only " + list(PROPERTIES), "correct or remove " + name);
		}
		String property = name.getLastElement(Form.DASHED);
		int targetElements = name.getNumberOfElements() - TARGETS.getNumberOfElements();
		if (targetElements > 2 && TARGET_PROPERTIES.contains(property)) {
			String target = TARGETS + "[" + targetName(name) + "]." + property;
			return new Explanation("a target name that contains a dot must be in brackets, as in " + target,
					"write " + target + " instead of " + name);
		}
		return new Explanation("a target has only " + list(TARGET_PROPERTIES), "correct or remove " + name);
	}

	/** The elements between {@code tcpshaker.targets} and the property, as written. */
	private static String targetName(ConfigurationPropertyName name) {
		StringBuilder target = new StringBuilder();
		for (int i = TARGETS.getNumberOfElements(); i < name.getNumberOfElements() - 1; i++) {
			target.append((target.length() > 0) ? "." : "").append(name.getElement(i, Form.ORIGINAL));
		}
		return target.toString();
	}

	private static List<String> propertiesOf(Class<?> type) {
		return Arrays.stream(BeanUtils.getPropertyDescriptors(type))
			.filter((descriptor) -> descriptor.getReadMethod() != null && !"class".equals(descriptor.getName()))
			.map((descriptor) -> DataObjectPropertyName.toDashedForm(descriptor.getName()))
			.toList();
	}

	private static String list(List<String> names) {
		return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
	}

	/** Just before Boot's own analyzers, which have no order. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 1;
	}

	private record Explanation(String reason, String fix) {
	}

}
