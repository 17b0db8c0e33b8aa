package dev.rollouts.notifications.service;

import dev.rollouts.notifications.Destination;
import dev.rollouts.notifications.Notification;

/**
 * A notification service: sends one rendered {@link Notification} to one destination's recipient.
 *
 * <p>Contract (checked by {@code NotificationServiceContract} in rollouts-testkit): one call makes
 * one delivery attempt and returns only when the server accepted it; it never waits longer than its
 * timeouts; a failure is a {@link SendException} saying whether a retry may help and how long the
 * server asked to wait; a service never retries by itself (the delivery queue does) and never puts
 * a secret into an exception message.
 */
public interface NotificationService {

  /** The service type, as in {@code service.<type>}: {@code slack}, {@code webhook} … */
  String type();

  /** Sends {@code notification} to {@code destination.recipient()}. */
  void send(Notification notification, Destination destination) throws SendException;
}
