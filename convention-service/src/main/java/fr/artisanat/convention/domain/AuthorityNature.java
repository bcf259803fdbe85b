package fr.artisanat.convention.domain;

/** Legal nature of an EPCI: communauté de communes, d'agglomération, urbaine, métropole, Métropole de Lyon. */
public enum AuthorityNature {
    CC, CA, CU, METRO, MET69
}
