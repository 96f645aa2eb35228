/**
 * SPI: the immutable logical plan that the API records and runners translate. For runner authors;
 * programs never need these types.
 */
package dev.ember.spi.plan;
