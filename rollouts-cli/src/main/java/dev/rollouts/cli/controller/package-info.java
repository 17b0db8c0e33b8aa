/** What {@code rollouts controller} runs beside the controller: HTTP endpoints and JSON logs. */
package dev.rollouts.cli.controller;
