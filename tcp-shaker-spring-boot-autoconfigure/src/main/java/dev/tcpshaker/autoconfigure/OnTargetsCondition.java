package dev.tcpshaker.autoconfigure;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when at least one {@code tcpshaker.targets.<name>} is configured, so an
 * application that only injects {@code TcpShaker} gets no empty health contributor.
 * <p>
 * Binds plain strings, never {@link TcpShakerProperties.Target}: a bad value must fail
 * in the properties' validation, with its message, not here.
 */
class OnTargetsCondition extends SpringBootCondition {

	private static final Bindable<Map<String, String>> STRING_MAP = Bindable.mapOf(String.class, String.class);

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("tcp-shaker targets");
		boolean configured = Binder.get(context.getEnvironment())
			.bind("tcpshaker.targets", STRING_MAP)
			.map((targets) -> !targets.isEmpty())
			.orElse(false);
		return configured ? ConditionOutcome.match(message.foundExactly("tcpshaker.targets"))
				: ConditionOutcome.noMatch(message.didNotFind("tcpshaker.targets").atAll());
	}

}
