/**
 * Pages as services (a whiteboard): a platform bundle adds a page or a JSON resource to the centre's one web server by
 * registering a {@link org.khidmat.api.web.Page} with the path it answers; the server adds it when it is registered and
 * takes it out when it goes, while every other page keeps serving. No Jetty type is part of it: a page reads an
 * {@link org.khidmat.api.web.Ask} and gives an {@link org.khidmat.api.web.Answer}. Agency bundles are not offered this
 * package: their services are data and rules.
 */
@Export
@Version("1.0.0")
package org.khidmat.api.web;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
