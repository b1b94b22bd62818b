package org.layerlab.ui.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class of a screen's package that builds scene-graph pieces without being a {@code Node} itself
 * (an icon factory, a property editor). ArchitectureTest lets such classes use {@code javafx.scene} and
 * {@code javafx.stage}; every other non-Node class of a screen's package counts as ViewModel-side and may not.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ViewPart {}
