/** The standalone controller's install manifests, generated from the code they describe. */
package dev.rollouts.cli.install;
