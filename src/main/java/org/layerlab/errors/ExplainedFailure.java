package org.layerlab.errors;

/**
 * A failure whose message already is the one sentence the user reads: it names the file, line, column or
 * layer and says what to do. {@link FailureSentence} prints such a message as it is.
 */
public interface ExplainedFailure {}
