/**
 * Lessons: pause points defined by a run's state (col(B⋆) learned, the orthogonal part following 1/t, unlearning
 * stalled, a curve below a level), and a tracker that reports when a growing run reaches them. No toolkit, no files:
 * lessons are read by {@code io.Lessons} and shown by the app.
 */
package org.anilexplorer.core.lesson;
