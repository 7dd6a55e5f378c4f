/**
 * Meetings as other modules see them: the whole record of a NADI or EWG meeting (agenda,
 * programme, participants by delegation, proceedings in order, recommendations) and the follow-up
 * history of every recommendation across later meetings. Take a
 * {@link org.nadi.platform.meetings.api.MeetingRepository} with {@code @Reference} to read them,
 * and listen on the {@link org.nadi.platform.meetings.api.MeetingEvents} topics to react to
 * changes.
 *
 * <p>People, institutions, countries and bodies are ids into the membership directory
 * ({@code org.nadi.platform.membership.api}), never copies. Dates are ISO local dates.
 */
@Export
@Version("1.0.0")
package org.nadi.platform.meetings.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
