/**
 * SPI for runner and connector authors: how a recorded graph is executed, and how receivers hand
 * data to a runner. Programs never need these types.
 */
package dev.ember.spi;
