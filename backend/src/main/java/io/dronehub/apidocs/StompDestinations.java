package io.dronehub.apidocs;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import io.dronehub.apidocs.StompOperation.Action;
import io.dronehub.contract.Publishes;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.HandlerMethod;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.SimpMessageMappingInfo;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.messaging.simp.annotation.support.SimpAnnotationMethodMessageHandler;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.method.ControllerAdviceBean;

/**
 * Finds every destination of the STOMP API in the running application: the
 * {@code @MessageMapping} and {@code @SubscribeMapping} handlers Spring registered, the
 * {@code @SendToUser} replies of those handlers and of {@code @MessageExceptionHandler}
 * methods, and what classes of the application declare with {@link Publishes}.
 */
final class StompDestinations {

	private final ApplicationContext context;

	private final SimpAnnotationMethodMessageHandler handlers;

	private final String userPrefix;

	StompDestinations(ApplicationContext context) {
		this.context = context;
		this.handlers = context.getBean(SimpAnnotationMethodMessageHandler.class);
		this.userPrefix = context.getBean("brokerMessagingTemplate", SimpMessagingTemplate.class)
			.getUserDestinationPrefix();
	}

	/**
	 * Collects the operations, one per destination and action, sorted by destination.
	 * @return the operations
	 */
	List<StompOperation> operations() {
		Map<String, StompOperation> found = new TreeMap<>();
		List<Class<?>> controllers = new ArrayList<>();
		this.handlers.getHandlerMethods().forEach((mapping, handler) -> {
			handled(mapping, handler).forEach((operation) -> add(found, operation));
			controllers.add(handler.getBeanType());
		});
		ControllerAdviceBean.findAnnotatedBeans(this.context)
			.forEach((advice) -> controllers.add(advice.getBeanType()));
		controllers.stream().distinct().flatMap(this::exceptionReplies).forEach((operation) -> add(found, operation));
		publishers().flatMap(StompDestinations::declared).forEach((operation) -> add(found, operation));
		return List.copyOf(found.values());
	}

	private static void add(Map<String, StompOperation> found, StompOperation operation) {
		found.merge(operation.address() + ' ' + operation.action(), operation, StompOperation::merge);
	}

	private Stream<StompOperation> handled(SimpMessageMappingInfo mapping, HandlerMethod handler) {
		Method method = handler.getMethod();
		boolean subscribe = mapping.getMessageTypeMessageCondition().getMessageType() == SimpMessageType.SUBSCRIBE;
		return mapping.getDestinationConditions()
			.getPatterns()
			.stream()
			.flatMap(
					(pattern) -> this.handlers.getDestinationPrefixes().stream().map((prefix) -> join(prefix, pattern)))
			.flatMap((address) -> subscribe
					? Stream.of(new StompOperation(address, Action.SEND, List.of(returnType(method)),
							List.of("Answered at once, once, to each SUBSCRIBE."), null, List.of()))
					: received(address, handler));
	}

	private Stream<StompOperation> received(String address, HandlerMethod handler) {
		SendToUser sendToUser = sendToUser(handler.getMethod());
		List<String> replies = userQueues(sendToUser);
		StompOperation received = new StompOperation(address, Action.RECEIVE, List.of(payloadType(handler)), List.of(),
				replies.isEmpty() ? null : replies.get(0), List.of());
		return Stream.concat(Stream.of(received),
				replies.stream()
					.map((reply) -> new StompOperation(reply, Action.SEND, List.of(returnType(handler.getMethod())),
							recipients(sendToUser), null, List.of(address))));
	}

	private Stream<StompOperation> exceptionReplies(Class<?> type) {
		return Arrays.stream(ReflectionUtils.getUniqueDeclaredMethods(type))
			.filter((method) -> AnnotatedElementUtils.hasAnnotation(method, MessageExceptionHandler.class))
			.flatMap((method) -> {
				SendToUser sendToUser = sendToUser(method);
				List<String> notes = Stream.concat(Stream
					.of("Answers a frame sent to " + String.join(" or ", this.handlers.getDestinationPrefixes())
							+ "… that its handler could not process."),
						recipients(sendToUser).stream())
					.toList();
				return userQueues(sendToUser).stream()
					.map((queue) -> new StompOperation(queue, Action.SEND, List.of(returnType(method)), notes, null,
							List.of()));
			});
	}

	private static @Nullable SendToUser sendToUser(Method method) {
		SendToUser sendToUser = AnnotatedElementUtils.findMergedAnnotation(method, SendToUser.class);
		return (sendToUser != null) ? sendToUser
				: AnnotatedElementUtils.findMergedAnnotation(method.getDeclaringClass(), SendToUser.class);
	}

	private List<String> userQueues(@Nullable SendToUser sendToUser) {
		return (sendToUser != null)
				? Arrays.stream(sendToUser.destinations()).map((queue) -> join(this.userPrefix, queue)).toList()
				: List.of();
	}

	private static List<String> recipients(@Nullable SendToUser sendToUser) {
		return (sendToUser != null && !sendToUser.broadcast())
				? List.of("Only the session that sent the frame receives it.") : List.of();
	}

	private Stream<Class<?>> publishers() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false,
				this.context.getEnvironment());
		scanner.setResourceLoader(this.context);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Publishes.class));
		scanner.addIncludeFilter(new AnnotationTypeFilter(Publishes.List.class));
		return AutoConfigurationPackages.get(this.context)
			.stream()
			.flatMap((base) -> scanner.findCandidateComponents(base).stream())
			.map(BeanDefinition::getBeanClassName)
			.distinct()
			.map((name) -> ClassUtils.resolveClassName(name, this.context.getClassLoader()));
	}

	private static Stream<StompOperation> declared(Class<?> publisher) {
		return AnnotatedElementUtils.findMergedRepeatableAnnotations(publisher, Publishes.class)
			.stream()
			.map((declared) -> new StompOperation(declared.destination(), Action.SEND, List.of(declared.payload()),
					List.of(declared.description()), null, List.of()));
	}

	private static Type payloadType(HandlerMethod handler) {
		MethodParameter[] parameters = handler.getMethodParameters();
		return Arrays.stream(parameters)
			.filter((parameter) -> parameter.hasParameterAnnotation(Payload.class))
			.findFirst()
			.or(() -> Arrays.stream(parameters)
				.filter((parameter) -> !parameter.hasParameterAnnotations()
						&& !Principal.class.isAssignableFrom(parameter.getParameterType())
						&& !Message.class.isAssignableFrom(parameter.getParameterType()))
				.findFirst())
			.map(MethodParameter::getGenericParameterType)
			.orElseThrow(() -> new IllegalStateException("No payload parameter on " + handler));
	}

	/** The type of the message a handler's return value becomes, futures unwrapped. */
	private static Type returnType(Method method) {
		ResolvableType type = ResolvableType.forMethodReturnType(method);
		Class<?> raw = type.toClass();
		return (CompletionStage.class.isAssignableFrom(raw) || Future.class.isAssignableFrom(raw))
				? type.getGeneric(0).getType() : type.getType();
	}

	private static String join(@Nullable String prefix, String path) {
		String base = (prefix != null && prefix.endsWith("/")) ? prefix.substring(0, prefix.length() - 1) : prefix;
		return ((base != null) ? base : "") + (path.startsWith("/") ? path : "/" + path);
	}

}
