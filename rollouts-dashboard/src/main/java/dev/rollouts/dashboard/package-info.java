/**
 * Argo Rollouts' dashboard: {@link dev.rollouts.dashboard.DashboardServer} serves Argo's HTTP API
 * (JSON, and Server-Sent Events for the watches) and a static UI from this jar, over shared
 * informers, with the CLI's view model and actions.
 */
package dev.rollouts.dashboard;
