package fr.artisanat.convention.domain;

/** Level of a chamber of trades and crafts in the CMA network (LOCAL_LAW: Alsace and Moselle). */
public enum ChamberLevel {
    NATIONAL, REGIONAL, DEPARTMENTAL, LOCAL_LAW
}
