package io.dronehub.control;

/**
 * Delivers a {@link ControlPrompt} to the session of the pilot in control. Called on the
 * simulation thread: implementations must not block.
 */
@FunctionalInterface
public interface ControlPrompts {

	/**
	 * Asks a pilot to hand a drone over.
	 * @param owner the pilot in control, whose session alone receives it
	 * @param prompt the request
	 */
	void ask(Pilot owner, ControlPrompt prompt);

}
