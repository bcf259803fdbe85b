package fr.artisanat.registry.sirene;

import java.util.List;

/** Column names of the SIRENE StockEtablissement file. Always look columns up by name: their positions change. */
public final class SireneColumns {

    public static final String SIREN = "siren";
    public static final String NIC = "nic";
    public static final String SIRET = "siret";
    public static final String STATUT_DIFFUSION = "statutDiffusionEtablissement";
    public static final String DATE_CREATION = "dateCreationEtablissement";
    public static final String TRANCHE_EFFECTIFS = "trancheEffectifsEtablissement";
    public static final String ANNEE_EFFECTIFS = "anneeEffectifsEtablissement";
    public static final String ACTIVITE_RM = "activitePrincipaleRegistreMetiersEtablissement";
    public static final String DATE_DERNIER_TRAITEMENT = "dateDernierTraitementEtablissement";
    public static final String SIEGE = "etablissementSiege";
    public static final String NOMBRE_PERIODES = "nombrePeriodesEtablissement";
    public static final String COMPLEMENT_ADRESSE = "complementAdresseEtablissement";
    public static final String NUMERO_VOIE = "numeroVoieEtablissement";
    public static final String INDICE_REPETITION = "indiceRepetitionEtablissement";
    public static final String TYPE_VOIE = "typeVoieEtablissement";
    public static final String LIBELLE_VOIE = "libelleVoieEtablissement";
    public static final String CODE_POSTAL = "codePostalEtablissement";
    public static final String LIBELLE_COMMUNE = "libelleCommuneEtablissement";
    public static final String CODE_COMMUNE = "codeCommuneEtablissement";
    public static final String CODE_PAYS_ETRANGER = "codePaysEtrangerEtablissement";
    public static final String DATE_DEBUT = "dateDebut";
    public static final String ETAT_ADMINISTRATIF = "etatAdministratifEtablissement";
    public static final String ENSEIGNE_1 = "enseigne1Etablissement";
    public static final String ENSEIGNE_2 = "enseigne2Etablissement";
    public static final String ENSEIGNE_3 = "enseigne3Etablissement";
    public static final String DENOMINATION_USUELLE = "denominationUsuelleEtablissement";
    public static final String ACTIVITE_PRINCIPALE = "activitePrincipaleEtablissement";
    public static final String NOMENCLATURE_ACTIVITE = "nomenclatureActivitePrincipaleEtablissement";
    public static final String CARACTERE_EMPLOYEUR = "caractereEmployeurEtablissement";

    /** Without these a row cannot be identified, placed or classified, so a file lacking one is rejected. */
    public static final List<String> REQUIRED = List.of(SIREN, NIC, SIRET, STATUT_DIFFUSION, CODE_COMMUNE,
            ETAT_ADMINISTRATIF, ACTIVITE_PRINCIPALE);

    /** The value INSEE puts in protected fields of partially diffused (statut P) establishments. */
    public static final String NOT_DIFFUSED = "[ND]";

    /** The 48 columns of the StockEtablissement file as published before the 2023 additions, in file order. */
    public static final List<String> STOCK_ETABLISSEMENT_48 = List.of(
            SIREN, NIC, SIRET, STATUT_DIFFUSION, DATE_CREATION, TRANCHE_EFFECTIFS, ANNEE_EFFECTIFS, ACTIVITE_RM,
            DATE_DERNIER_TRAITEMENT, SIEGE, NOMBRE_PERIODES, COMPLEMENT_ADRESSE, NUMERO_VOIE, INDICE_REPETITION,
            TYPE_VOIE, LIBELLE_VOIE, CODE_POSTAL, LIBELLE_COMMUNE, "libelleCommuneEtrangerEtablissement",
            "distributionSpecialeEtablissement", CODE_COMMUNE, "codeCedexEtablissement", "libelleCedexEtablissement",
            CODE_PAYS_ETRANGER, "libellePaysEtrangerEtablissement", "complementAdresse2Etablissement",
            "numeroVoie2Etablissement", "indiceRepetition2Etablissement", "typeVoie2Etablissement",
            "libelleVoie2Etablissement", "codePostal2Etablissement", "libelleCommune2Etablissement",
            "libelleCommuneEtranger2Etablissement", "distributionSpeciale2Etablissement", "codeCommune2Etablissement",
            "codeCedex2Etablissement", "libelleCedex2Etablissement", "codePaysEtranger2Etablissement",
            "libellePaysEtranger2Etablissement", DATE_DEBUT, ETAT_ADMINISTRATIF, ENSEIGNE_1, ENSEIGNE_2, ENSEIGNE_3,
            DENOMINATION_USUELLE, ACTIVITE_PRINCIPALE, NOMENCLATURE_ACTIVITE, CARACTERE_EMPLOYEUR);

    private SireneColumns() {
    }
}
